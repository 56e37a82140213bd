"""Tuyên giáo: the Django application for a province's communication and political-education work."""
