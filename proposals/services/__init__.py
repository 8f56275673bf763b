"""Business rules of proposals: authoring, voting, answering. Views call these; each
checks permissions itself so that no caller can skip them."""
