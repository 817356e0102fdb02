"""Modules, front matter, the glossary and study time: the course content as plain data."""
