"""Build hook: ship the top-level `rules/` directory inside the wheel as
`lint/_rules`, where `lint.config.settings.PACKAGE_RULES_DIR` looks for it once
installed. All other metadata is in pyproject.toml."""

import os

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithRules(build_py):
    """build_py that also copies rules/ into the built package."""

    def run(self):
        super().run()
        # An editable install reads rules/ from the checkout; nothing to copy.
        if not self.editable_mode:
            self.copy_tree("rules", os.path.join(self.build_lib, "lint", "_rules"))


setup(cmdclass={"build_py": BuildWithRules})
