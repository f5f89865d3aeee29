// expect-error: 4:1: fatal error: something went wrong
print("before")
print(1, 2, 3)
fatalError("something went wrong")
print("after")
