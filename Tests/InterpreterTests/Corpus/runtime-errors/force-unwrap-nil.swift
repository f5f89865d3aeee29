// expect-error: 5:16: unexpectedly found nil while unwrapping an Optional value
let good = Int("12")!
print(good)
print("now a bad one")
let bad: Int = Int("twelve")!
print(bad)
