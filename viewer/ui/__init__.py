"""Copydesk's Qt layer: draws the core's results and wires user actions."""
