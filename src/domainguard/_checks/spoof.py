"""Generic IDN spoof signs that need no registry target: mixed scripts, whole-script
confusables, invisible characters, Chromium's dangerous patterns."""

from __future__ import annotations

import re
from typing import Final

from domainguard._host import Host
from domainguard._messages import CATALOGUE
from domainguard._skeleton import scripts_of, spoof_signals, whole_script_confusable
from domainguard._verdict import Reason, make_reason

_CODE_POINT: Final = re.compile(r"U\+[0-9A-F]{4,6}")

__all__ = ["check_spoof"]


def check_spoof(host: Host) -> list[Reason]:
    if host.ip or host.unicode.isascii():
        return []  # every signal here needs a non-ASCII character
    reasons = []
    for signal in spoof_signals(host.unicode):
        code = signal.code if signal.code in CATALOGUE else "dangerous_pattern"
        # details that both languages show must be names or code points, not English prose
        detail = signal.detail
        if code == "mixed_script":
            detail = ", ".join(sorted(scripts_of(signal.label))) or detail
        elif code == "whole_script_confusable":
            detail = whole_script_confusable(signal.label) or detail
        elif code == "invisible_character":
            detail = ", ".join(_CODE_POINT.findall(detail)) or detail
        reasons.append(make_reason(code, matched=signal.label, detail=detail))
    return reasons
