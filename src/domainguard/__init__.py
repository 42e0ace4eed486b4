"""domainguard: tell whether a URL imitates an official Indonesian government site, and why."""
