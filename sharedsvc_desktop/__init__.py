"""Shared Services Desktop: run a police–school shared-services agreement from one desktop program."""

__version__ = "0.1.0"
APP_NAME = "SharedServicesDesktop"
APP_TITLE = "Shared Services Desktop"
