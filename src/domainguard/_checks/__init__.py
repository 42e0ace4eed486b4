"""One module per family of evidence. Each check returns reasons and never raises.

    names      typos, homoglyphs, ASCII lookalikes, hyphen/dot variants, suffix swaps, go.id glue
    embedding  an official host or its name followed by a fake government suffix inside a host
    combos     brand, service and region words joined with other words (combosquatting)
    spoof      generic IDN spoof signs with no registry target (mixed script, invisible chars)
    url        URL-level signals: userinfo, IP hosts, ports, schemes, shorteners, installers
"""
