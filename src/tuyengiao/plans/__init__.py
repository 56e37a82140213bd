"""plans: plans and their tasks, the cascade of implementing plans down the tree, task tracking."""
