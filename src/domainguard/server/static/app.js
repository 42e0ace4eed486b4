// Cek tautan: sends the message to /v1/check/text and marks every link in place.
// The DOM is built with textContent only: the message and the answers are never parsed as HTML.
"use strict";

const TEXT = {
  id: {
    title: "Cek tautan",
    skip: "Langsung ke kotak pesan",
    intro: "Tempel pesan yang Anda terima (WhatsApp, SMS, e-mail) atau satu tautan. Setiap " +
      "tautan di dalamnya diperiksa: apakah meniru situs resmi pemerintah Indonesia, dan mengapa.",
    label: "Pesan atau tautan",
    hint: "Pesan tidak disimpan dan tidak dicatat. Tautan tidak dibuka.",
    submit: "Periksa",
    resultsTitle: "Hasil",
    messageTitle: "Pesan Anda, dengan tautan yang ditandai",
    linksTitle: "Penjelasan tiap tautan",
    footer: "“Tidak terkait” berarti tidak mirip situs resmi mana pun, bukan berarti aman. " +
      "Periksa alamat situs sebelum mengisi data atau membayar.",
    switchTo: "English",
    empty: "Tempel dulu pesan atau tautan.",
    checking: "Memeriksa…",
    none: "Tidak ada tautan di pesan ini.",
    found: (n) => n === 1 ? "1 tautan ditemukan" : `${n} tautan ditemukan`,
    failed: "Pemeriksaan gagal. Coba lagi.",
    tooLong: "Pesan terlalu panjang (paling banyak 20.000 karakter).",
    risk: "risiko",
    address: "Alamat",
    imitates: "Meniru",
    why: "Alasannya:",
    see: (n) => `lihat penjelasan ${n}`,
    advice: {
      lookalike: (t) => `Tautan ini meniru situs resmi ${t}. Jangan dibuka dan jangan isi data ` +
        "atau bayar apa pun di sana.",
      suspicious: () => "Tautan ini punya tanda-tanda penipuan, walau tidak meniru satu situs " +
        "tertentu. Sebaiknya jangan dibuka.",
      official: () => "Ini alamat resmi yang tercatat di daftar situs pemerintah.",
      government: () => "Alamat ini berada di domain pemerintah Indonesia, tetapi tidak ada " +
        "di daftar kami.",
      unrelated: () => "Tidak mirip situs resmi mana pun. Ini bukan jaminan aman: bila pesannya " +
        "meminta data, kode OTP atau uang, tetap waspada.",
      invalid: () => "Ini bukan alamat yang bisa dibuka.",
    },
  },
  en: {
    title: "Check a link",
    skip: "Skip to the message box",
    intro: "Paste a message you received (WhatsApp, SMS, e-mail) or a single link. Every link " +
      "in it is checked: does it imitate an official Indonesian government site, and why.",
    label: "Message or link",
    hint: "The message is not stored or logged. Links are not opened.",
    submit: "Check",
    resultsTitle: "Results",
    messageTitle: "Your message, with its links marked",
    linksTitle: "What each link is",
    footer: "“Unrelated” means it resembles no official site, not that it is safe. Check a " +
      "site's address before you enter data or pay.",
    switchTo: "Bahasa Indonesia",
    empty: "Paste a message or a link first.",
    checking: "Checking…",
    none: "There are no links in this message.",
    found: (n) => n === 1 ? "1 link found" : `${n} links found`,
    failed: "The check failed. Please try again.",
    tooLong: "The message is too long (at most 20,000 characters).",
    risk: "risk",
    address: "Address",
    imitates: "Imitates",
    why: "Why:",
    see: (n) => `see explanation ${n}`,
    advice: {
      lookalike: (t) => `This link imitates the official site ${t}. Do not open it, and do ` +
        "not enter data or pay anything there.",
      suspicious: () => "This link shows signs of a scam, though it imitates no particular " +
        "site. Better not open it.",
      official: () => "This is an official address in the list of government sites.",
      government: () => "This address is under an Indonesian government domain, but it is " +
        "not in our list.",
      unrelated: () => "Resembles no official site. That is not a promise that it is safe: if " +
        "the message asks for data, an OTP code or money, stay wary.",
      invalid: () => "This is not an address that can be opened.",
    },
  },
};

let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "id";
let shown = null; // the text whose results are on the page, checked again on a language switch

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function applyLanguage() {
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = `${t.title} · domainguard`;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t[node.dataset.t];
  const other = lang === "id" ? "en" : "id";
  const button = $("lang-switch");
  button.textContent = t.switchTo;
  button.lang = other;
}

function summary(links) {
  const t = TEXT[lang];
  if (links.length === 0) return t.none;
  const counts = new Map();
  for (const link of links) counts.set(link.label, (counts.get(link.label) || 0) + 1);
  const parts = [...counts].map(([label, n]) => `${n} ${label.toLowerCase()}`);
  return `${t.found(links.length)}: ${parts.join(", ")}.`;
}

function render(text, links) {
  const t = TEXT[lang];
  // the API counts positions in code points, JavaScript strings in UTF-16 units
  const chars = Array.from(text);
  const marked = $("marked");
  const list = $("links");
  marked.replaceChildren();
  list.replaceChildren();
  let at = 0;
  links.forEach((link, i) => {
    const n = i + 1;
    marked.append(chars.slice(at, link.start).join(""));
    const badge = el("a", { href: `#link-${n}`, "aria-label": `${link.label}, ${t.see(n)}` },
      `[${n}: ${link.label}]`);
    marked.append(el("mark", { class: `v-${link.verdict}`, id: `mark-${n}` },
      chars.slice(link.start, link.end).join(""), badge));
    at = link.end;

    const item = el("li", { class: `v-${link.verdict}`, id: `link-${n}`, tabindex: "-1" },
      el("p", { class: "verdict", text: `${link.label} · ${t.risk} ${link.score}/100` }),
      el("p", { class: "address", text: `${t.address}: ${link.host || link.raw}` }));
    if (link.target) item.append(el("p", { class: "target", text: `${t.imitates}: ${link.target}` }));
    const advice = t.advice[link.verdict] || t.advice.unrelated;
    item.append(el("p", { class: "advice", text: advice(link.target || "") }));
    if (link.reasons.length) {
      item.append(el("p", { text: t.why }),
        el("ul", { class: "reasons" }, ...link.reasons.map((r) => el("li", { text: r.message }))));
    }
    list.append(item);
  });
  marked.append(chars.slice(at).join(""));
  $("results").hidden = links.length === 0;
  $("status").textContent = summary(links);
}

async function check(text) {
  const t = TEXT[lang];
  const status = $("status");
  if (!text.trim()) {
    status.textContent = t.empty;
    return;
  }
  status.textContent = t.checking;
  try {
    const response = await fetch("/v1/check/text", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, lang }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      const code = body.error && body.error.code;
      status.textContent = code === "text_too_long" || code === "body_too_large"
        ? t.tooLong : t.failed;
      return;
    }
    const body = await response.json();
    shown = text;
    render(text, body.links);
  } catch (e) {
    status.textContent = t.failed;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  applyLanguage();
  $("check-form").addEventListener("submit", (event) => {
    event.preventDefault();
    check($("message").value);
  });
  $("lang-switch").addEventListener("click", () => {
    lang = lang === "id" ? "en" : "id";
    const url = new URL(location.href);
    if (lang === "en") url.searchParams.set("lang", "en");
    else url.searchParams.delete("lang");
    history.replaceState(null, "", url);
    applyLanguage();
    if (shown !== null) check(shown);
  });
});
