0:8
wchooseCycles(["a b", 1], ["c", 2]).fast(2)
