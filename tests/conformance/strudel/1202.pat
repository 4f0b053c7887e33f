0:1
stepalt(["a", "b c"], ["d", "e", "f"])
