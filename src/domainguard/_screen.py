"""The fast path: a cheap proof that the word-reading checks have nothing to say about a host.

Most hosts of a feed share no word with any official name or with the vocabulary. For those,
combosquatting (``_checks/combos``), embedding (``_checks/embedding``) and whole-host reading
(``_checks/context``) are known to return nothing before they run, from the host's words alone:

- **combos** acts only on a word whose facts tell something, or on a brand found in two words
  read together (``WordFacts.telling``, ``check_combos``). Each such fact needs a vocabulary word
  (lure, government cue, civil-registry or service word, region name, two-word term) written
  inside the host's name, a distinctive brand that a word or two adjacent words are, start or
  end with (``RegistryIndex.brand_in``), or a short brand that a word is. Words are glued to
  others only when three letters long at least, so shorter ones count only as whole words; and a
  number after a word is read past (``cpns2026``), so each word is also tried without it. Words
  are only ever split, joined or unglued where a vocabulary word is, which the search finds.
- **embedding** looks up official token sequences where they may start among the host's tokens
  (``RegistryIndex.sequences_at``): where there is none, it finds nothing.
- **context** reads nothing unless an anchor can be read in the host's name, which its own
  prefilter decides (``ContextWords.may_name``).

The vocabulary, every brand and every anchor are searched with one regular expression over the
name's plain key (digits read as letters, doubled letters merged, separators removed): a word
written anywhere in the name leaves its own plain key in the name's, so nothing a check would
find is missed. A registry of more than 20,000 names has no screen: its expression would cost
megabytes and seconds, and searched word by word the screen cost more than it saved. The name
checks always run: they are hash look-ups already. Hosts with Unicode letters take the slow
path (their words are read through skeletons). ``Checker(fast_path=...)`` turns the screen on
or off (by default it is on in the pure-Python build only, where it saves time), and
``benchmarks/golden.py`` shows that the answers are the same either way. Pure.
"""

from __future__ import annotations

import re
from importlib.machinery import EXTENSION_SUFFIXES
from typing import Final

from domainguard._checks.combos import combo_words
from domainguard._checks.context import PATTERN_LIMIT, context_words
from domainguard._host import Host
from domainguard._index import RegistryIndex, compact, tokens
from domainguard._spelling import plain_key, trie_pattern

__all__ = ["COMPILED", "Screen", "screen"]

# Words glued to other words are at least this long (combos' _SHORTEST_LURE, _SHORTEST_PART,
# _SHORTEST_STEM and _SHORTEST_GLUED_BRAND); shorter ones count only as whole words.
_GLUED: Final = 3
_DIGITS: Final = "0123456789"
# Is this the compiled build (mypyc)? Its modules are C extensions. There the three checks'
# own prefilters cost less than the screen, which then saves no time (docs/performance.md)
COMPILED: Final = __file__.endswith(tuple(EXTENSION_SUFFIXES))
# Hosts checked through an index before the screen is built (its expression takes some
# milliseconds to compile): a single check stays quick, a feed soon gains.
SCREEN_AFTER: Final = 1_000


class Screen:
    """What a host's name must contain for combos, embedding or context to find anything."""

    __slots__ = ("_pattern", "_sequences", "_sequences_at", "_whole")

    def __init__(self, index: RegistryIndex) -> None:
        combos = combo_words(index)
        context = context_words(index)
        searched = set(combos.known) | set(combos.two_word_terms)
        # words that count only whole: short vocabulary words, and every short brand (combos
        # reads short brands as whole words only; context reads those of three letters as its
        # anchors, which the expression or its own prefilter finds)
        self._whole = frozenset(word for word in searched if len(word) < _GLUED) \
            | frozenset(index.short_brands)
        # the vocabulary, every brand and context's anchors (plain keys already) in one
        # expression: one search decides (screen() builds it for registries small enough)
        searched = {word for word in searched if len(word) >= _GLUED} | set(index.brands)
        keys = {plain_key(compact(word)) for word in searched} | set(context.anchors)
        self._pattern: re.Pattern[str] = trie_pattern(sorted(keys))
        self._sequences = index.sequences
        self._sequences_at = index.sequences_at

    def quiet(self, host: Host) -> bool:
        """True when combos, embedding and context are sure to find nothing in ``host``."""
        labels = host.labels
        at = host.suffix_index
        if host.ip or at == 0 or labels is not host.unicode_labels:
            return False  # Unicode labels are read through their skeletons: the slow path
        name = ".".join(labels[:at])
        if self._pattern.search(plain_key(compact(name))) is not None:
            return False  # a word of the vocabulary (or a name) is written in the host's name
        # embedding: no official sequence may start at any of the host's tokens
        found = tokens(labels)
        sequences, sequences_at = self._sequences, self._sequences_at
        for start, token in enumerate(found):
            if token in sequences and sequences_at(found, start):
                return False
        words = tokens(labels[:at])
        whole = self._whole
        if not whole.isdisjoint(words):
            return False
        # and none with a number after it (kk2)
        return not any(word[-1] in _DIGITS and word.rstrip(_DIGITS) in whole for word in words)


def screen(index: RegistryIndex) -> Screen | None:
    """The index's screen, once SCREEN_AFTER hosts have asked for it; None before, and
    always for a registry with more than PATTERN_LIMIT anchors (its names among them), whose
    expression would cost megabytes and seconds, as context's own would (searched word by word
    instead, the screen cost more than it saved: benchmarks/throughput.py, 100,000 names)."""
    found = index.screen
    if found is None:
        index.unscreened += 1
        if index.unscreened == SCREEN_AFTER and \
                len(context_words(index).anchors) <= PATTERN_LIMIT:
            # two threads may both build it: equal objects, one is kept
            found = index.screen = Screen(index)
    return found
