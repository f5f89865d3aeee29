print([[1, 2], [3]])
print([["a": 1]])
print([(1, "a"), (2, "b")])
print([[1.5]])
print(["numbers": [1, 2, 3]])
print([[[true]]])
print(([1, 2], ["x"]))
let labelled = [(name: "a", score: 1.5)]
print(labelled)
