"""Write the seed corpus (fuzz/corpus/): the issue's examples and hostile hosts, one file each.

The first byte of a seed picks the entry point in fuzz_check.py (0 check_url, 1 check_text,
2 registry file, 3 Registry.from_domains, 4 check_many). Re-runnable: python fuzz/make_corpus.py
"""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"

URLS = {
    "official": "https://dukcapil.kemendagri.go.id/",
    "official-upper-port": "HTTPS://DUKCAPIL.KEMENDAGRI.GO.ID.:443/",
    "hyphen-variant": "https://dukcapil-kemendagri.com/aktivasi",
    "capil-purbalingga": "capil-purbalingga.org",
    "bpjs": "gratis.bpjs-kesehatan.net",
    "ektp": "http://ektp.cektkp.com/login",
    "indonesia-official": "layanan-bantuan.indonesia-official.my.id",
    "posindonesia": "track-posindonesia-coid.com",
    "kejaksanc": "kejaksanc.cc",
    "shortener": "https://s.id/aktivasi-ikd",
    "apk": "https://undangan.example/Undangan%20Pernikahan.apk",
    "fake-sld": "kemendagri.gov.id",
    "go-id-com": "dukcapil.kemendagri.go.id.aktivasi.com",
    "cyrillic": "https://duk\u0441apil.kemendagri.go.id.com/",
    "punycode": "http://xn--dukapil-0jg.id/",
    "whole-script": "\u0430\u0440\u0440\u04cf\u0435.com",
    "userinfo": "https://dukcapil.kemendagri.go.id@203.0.113.9/x",
    "backslash": "https:\\\\evil.example\\dukcapil",
    "hex-ip": "http://0x7f.1/",
    "ipv6": "https://[2001:db8::1]:8080/x",
    "ideographic-dots": "dukcapil\u3002kemendagri\u3002go\u3002id",
    "percent-host": "https://%64ukcapil.go.id/",
    "javascript": "javascript:alert(1)",
    "data": "data:text/html;base64,PHNjcmlwdD4=",
    "hosting": "https://sites.google.com/view/dukcapil",
    "blogspot": "dukcapil-kemendagri.blogspot.com",
    "xn-garbage": "https://xn--!!!.com",
    "xn-invalid": "https://xn--a.com",
    "rtl-override": "https://dukcapil\u202e.com",
    "zwj": "https://duk\u200dcapil.com",
    "soft-hyphen": "https://dukca\u00adpil.id/",
    "emoji": "https://\U0001f600.com",
    "nul": "https://dukcapil\x00.com",
    "label-64": "https://" + "a" * 64 + ".com/",
    "label-63": "https://" + "a" * 63 + ".com/",
    "host-254": "https://" + ".".join(["abcdefghi"] * 25) + ".com",
    "labels-1000": "https://" + "a." * 1000 + "com",
    "unicode-long-label": "https://" + "\u00e4" * 60 + ".com",
}
TEXTS = {
    "sms": "Segera aktivasi IKD di hxxps://dukcapil-ikd[.]com/login! "
           "Info: dukcapil.kemendagri.go.id.",
    "prose": "Harga Rp.50.000 dll. S.Kom. jam 10.30 versi 1.2.3 (lihat bit.ly/abc)",
    "markdown": "[klik](https://dukcapil-kemendagri.com/x),https://kejaksanc.cc;https://s.id/y",
    "defanged": "dukcapil[.]kemendagri[.]go[.]id dan kemendagri(dot)go(dot)id [://]",
    "email": "tulis ke admin@dukcapil.go.id atau dukcapil.kemendagri.go.id@203.0.113.9/x",
    "dots": "..... . .. ... a.b.c.d.e.f.g.h.i.j.k",
}
REGISTRY_FILES = {
    "good": b"go.id | protected-suffix | Government | - | PANDI\n"
            b"dukcapil.kemendagri.go.id | national-dukcapil | Dukcapil | - | site\n",
    "duplicate": b"a.go.id | custom | A | - | x\na.go.id | custom | A | - | x\n",
    "public-suffix": b"co.id | custom | x | - | x\n",
    "no-provenance": b"dukcapil.go.id\n",
    "empty-source": b"dukcapil.go.id | custom | x | - | \n",
    "bad-kind": b"dukcapil.go.id | ministry | x | - | x\n",
    "bad-region": b"dukcapil.go.id | custom | x | 3303 | x\n",
    "bad-idna": b"xn--a.go.id | custom | x | - | x\n",
    "latin1": b"caf\xe9.id | custom | x | - | x\n",
    "fields": b"a.id | custom | x\n",
    "unicode": "b\u00fccher.de | custom | x | - | x\n".encode(),
    "upper": b"Dukcapil.go.id | custom | x | - | x\n",
}
DOMAIN_LISTS = {
    "good": "klikbca.com\nDUKCAPIL.KEMENDAGRI.GO.ID.\nb\u00fccher.de",
    "suffix": "klikbca.com\nco.id",
    "bad": "klikbca.com\n-bad-.com\n",
}


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.glob("*"):
        old.unlink()
    seeds: dict[str, bytes] = {}
    for name, url in URLS.items():
        seeds[f"url-{name}"] = b"\x00" + url.encode("utf-8")
    for name, text in TEXTS.items():
        seeds[f"text-{name}"] = b"\x01" + text.encode("utf-8")
    for name, data in REGISTRY_FILES.items():
        seeds[f"registry-{name}"] = b"\x02" + data
    for name, text in DOMAIN_LISTS.items():
        seeds[f"domains-{name}"] = b"\x03" + text.encode("utf-8")
    seeds["many-mixed"] = b"\x04" + "\n".join(list(URLS.values())[:20]).encode("utf-8")
    seeds["url-invalid-utf8"] = b"\x00https://dukcapil\xff\xfe.com/\xed\xa0\x80"
    seeds["text-invalid-utf8"] = b"\x01lihat dukcapil\xc3.com \xf0\x9f\x98 s.id/x"
    for name, data in seeds.items():
        (CORPUS / name).write_bytes(data)


if __name__ == "__main__":
    main()
