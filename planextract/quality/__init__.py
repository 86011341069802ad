"""Quality checks and completeness scores: what a plan leaves out of the template."""
