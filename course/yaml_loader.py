"""The one YAML loader of the course: safe, and in C (libyaml) when PyYAML has it."""

from __future__ import annotations

import yaml

FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
