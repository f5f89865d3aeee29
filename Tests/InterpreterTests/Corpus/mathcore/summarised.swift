import MathCore

let long = linspace(0, 1, count: 1001)
print(long)
let wide = zeros(3, 400)
print(wide)
let exactlyThousand = ones(1000)
print(exactlyThousand.count, sum(exactlyThousand))
let big = Tensor(shape: [2, 3, 200], scalars: (0..<1200).map { Double($0) })
print(big)
