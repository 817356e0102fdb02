"""The site's parts: languages and interface text, templates, search, offline app and bundle."""
