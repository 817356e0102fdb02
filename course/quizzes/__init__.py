"""Quiz files: YAML with line numbers, validation, item-writing rules, loading and views."""
