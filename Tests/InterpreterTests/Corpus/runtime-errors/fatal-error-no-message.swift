// expect-error: 3:1: fatal error
print("stopping without a message")
fatalError()
