"""Fault injection: other processes, kills and full disks against a library."""
