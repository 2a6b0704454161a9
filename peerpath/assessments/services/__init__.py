"""Every change to self-evaluations and 360° rounds. One transaction each; no `request`.

- evaluations: start, rate a domain, finish, discard a self-evaluation
- rounds: create, add raters, launch, remind, close a 360° round
- responses: a rater's answers, saved as they go and submitted once
- sharing: show an evaluation or report to a named person, and withdraw it
- policy: an organisation's anonymity minimums
"""
