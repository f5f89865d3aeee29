// expect-error: 5:13: arithmetic overflow
let small = Int.min
print(small)
print(small + 1 - 1)
let below = small - 1
print(below)
