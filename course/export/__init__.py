"""Quizzes for learning management systems: Moodle GIFT and QTI 2.1 (`python -m course.export`)."""
