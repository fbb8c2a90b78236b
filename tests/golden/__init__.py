"""Golden corpora: stored inputs and every field of the results they give, to refactor against."""
