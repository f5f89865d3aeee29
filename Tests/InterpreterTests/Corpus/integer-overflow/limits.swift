print(Int.max)
print(Int.min)
print(Int.max - 1, Int.min + 1)
print(-Int.max)
print(Int.max / 2, Int.min / 2)
print(Int.max % 10, Int.min % 10)
print(Int.max + Int.min)
let biggest = Int.max
let smallest = Int.min
print(biggest > smallest)
print(biggest - biggest, smallest - smallest)
