// expect-error: 4:15: arithmetic overflow
let m = Int.min
print(-(m + 1))
let negated = -m
print(negated)
