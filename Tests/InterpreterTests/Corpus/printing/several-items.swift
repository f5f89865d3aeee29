print(1, 2.0, "three", true, [4], (5, 6))
print("x =", 3, "y =", 4.5)
let name = "Ann"
let age = 31
print(name, "is", age, "years old")
print([1, 2], [3.5], ["s"])
print()
print("")
print("", "")
