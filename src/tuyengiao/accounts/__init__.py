"""accounts: users, their unit and role, the one scoping helper every view goes through, 2FA and audit."""
