"""Weight forensics: is a suspect checkpoint a linear blend of its suspected parents?

Entry points: ``run_weights`` (library), ``weights_command`` (click), and the report renderers
``render_weights_section`` / ``render_weights_markdown``.
"""

from .config import Thresholds, WeightsConfig
from .models import WeightsResult
from .report import render_weights_markdown, render_weights_section
from .run import run_weights

__all__ = ["Thresholds", "WeightsConfig", "WeightsResult", "render_weights_markdown", "render_weights_section",
           "run_weights"]
