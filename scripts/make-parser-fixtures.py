#!/usr/bin/env python3
"""Writes the WHOIS and RDAP parser corpus under Tests/LongarmResolveTests/Fixtures/.

The samples are invented (fictional domains, people and networks) but keep the shapes of the real registries'
answers: field names, layout, line order and boilerplate, in the character sets those servers use. Each sample
gets a `<name>.expected.json` with the values the parsers must extract. Re-run after editing a generator.
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "fixtures"))

import rdap_docs  # noqa: E402
import whois_cctld_asia  # noqa: E402
import whois_cctld_other  # noqa: E402
import whois_gtld  # noqa: E402
import whois_rir  # noqa: E402

for module in (whois_gtld, whois_rir, whois_cctld_asia, whois_cctld_other, rdap_docs):
    module.generate()
whois_rir.generate_more()
