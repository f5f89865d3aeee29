// expect-error: 4:1: precondition failed
let n = [5][0]
print("n =", n)
precondition(n < 3)
