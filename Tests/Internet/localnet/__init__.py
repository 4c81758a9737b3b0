"""Longarm's local internet: DNS (nsd), web and WHOIS fixture servers on loopback."""
