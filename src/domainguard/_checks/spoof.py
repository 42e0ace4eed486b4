"""Generic IDN spoof signs that need no registry target: mixed scripts, whole-script
confusables, invisible characters, Chromium's dangerous patterns."""

from __future__ import annotations

from domainguard._host import Host
from domainguard._messages import CATALOGUE
from domainguard._skeleton import spoof_signals
from domainguard._verdict import Reason, make_reason

__all__ = ["check_spoof"]


def check_spoof(host: Host) -> list[Reason]:
    if host.ip or host.unicode.isascii():
        return []  # every signal here needs a non-ASCII character
    reasons = []
    for signal in spoof_signals(host.unicode):
        code = signal.code if signal.code in CATALOGUE else "dangerous_pattern"
        reasons.append(make_reason(code, matched=signal.label, detail=signal.detail))
    return reasons
