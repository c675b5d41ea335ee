"""The pack editor: a teacher writes or changes a scenario pack, checked as they type."""
