// expect-error: 5:7: arithmetic overflow
let big = Int.max
print(big)
print(big - 1 + 1)
print(big + 1)
