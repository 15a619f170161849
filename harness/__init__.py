"""idprobe: ask language models who they are, with the system prompt removed, and publish the answers."""

__version__ = "0.1.0"
