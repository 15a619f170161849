"""Build step: which packages and data go into the wheel and the sdist (metadata is in pyproject.toml).

The default suites and lexicon (``probes/``), report templates and assets (``reports/``) and example targets
(``configs/``) stay at the top of the repository, where users read and extend them. The build maps each
into the package as ``harness/data/<name>/``, so installed copies find them through ``importlib.resources``
(harness/paths.py). Every package under ``harness/`` is found, with the data files that live beside its code.
"""

from setuptools import find_packages, setup

SHIPPED = ("probes", "reports", "configs")

setup(
    packages=[*find_packages(include=["harness", "harness.*"]), *(f"harness.data.{name}" for name in SHIPPED)],
    package_dir={f"harness.data.{name}": name for name in SHIPPED},
    package_data={
        "harness": ["**/*.yaml", "**/*.json", "**/*.j2", "**/*.txt"],
        **{f"harness.data.{name}": ["**/*"] for name in SHIPPED},
    },
)
