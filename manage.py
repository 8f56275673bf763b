#!/usr/bin/env python
"""manage.py of the checkout: development settings by default."""

from maillage.__main__ import main

if __name__ == "__main__":
    main("maillage.settings.dev")
