// expect-error: 2:1: import Darwin is not supported in Swift-math
import Darwin
print(sqrt(2.0))
