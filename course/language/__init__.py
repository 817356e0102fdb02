"""The course's text in each language, and the checks that keep it consistent."""
