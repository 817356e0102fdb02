"""Trainer materials: printable worksheets and answer keys."""
