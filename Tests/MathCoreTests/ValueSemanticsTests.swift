import Testing
@testable import MathCore

// Tensor is a value: operators may overwrite a temporary's storage in place (NumPy's temporary
// elision), but never the storage of a tensor that anything else can still see. Each test keeps
// a copy of the scalars in storage of its own and checks it after the operation.

private func snapshot(_ t: Tensor) -> [Double] { t.scalars.map { $0 } }

private struct Holder {
    var tensor: Tensor
}

@Suite("Tensor value semantics")
struct ValueSemanticsTests {
    let x = Tensor(shape: [2, 3], scalars: [1, -2, 3, -4, 5, -6])

    @Test func operatorsLeaveNamedOperandsAlone() {
        let original = snapshot(x)
        let y = x * x + x
        #expect(snapshot(x) == original)
        #expect(y.scalars == [2, 2, 12, 12, 30, 30])
        _ = -x
        _ = exp(x)
        _ = x + 1
        _ = 1 - x
        _ = relu(x)
        _ = sigmoid(x)
        _ = pow(x, 2)
        _ = pow(x, 3)
        #expect(snapshot(x) == original)
    }

    @Test func aTemporaryUsedTwice() {
        let t = x * 2
        let u = t + t
        #expect(t.scalars == [2, -4, 6, -8, 10, -12])
        #expect(u.scalars == [4, -8, 12, -16, 20, -24])
        let v = exp(t) - exp(t)
        #expect(v.scalars.allSatisfy { $0 == 0 })
    }

    @Test func copiesAreIndependent() {
        var a = x
        let b = a
        a += 1
        #expect(b == x)
        #expect(a.scalars == [2, -1, 4, -3, 6, -5])
        var c = x
        c[0, 0] = 99
        #expect(x[0, 0] == 1)
        var d = x
        d -= x
        #expect(d.scalars == [0, 0, 0, 0, 0, 0])
        #expect(snapshot(x) == [1, -2, 3, -4, 5, -6])
    }

    @Test func scalarsTakenBeforeAreNotChanged() {
        let scalars = x.scalars
        let y = -x
        let z = y * 3 + 1
        #expect(scalars == [1, -2, 3, -4, 5, -6])
        #expect(y.scalars == [-1, 2, -3, 4, -5, 6])
        #expect(z.scalars == [-2, 7, -8, 13, -14, 19])
    }

    @Test func tensorsInsideOtherValues() {
        var holder = Holder(tensor: x)
        let list = [x, x * 2]
        let sum = list[0] + list[1]
        let product = holder.tensor * holder.tensor
        #expect(list[0] == x)
        #expect(list[1].scalars == [2, -4, 6, -8, 10, -12])
        #expect(sum.scalars == [3, -6, 9, -12, 15, -18])
        #expect(product.scalars == [1, 4, 9, 16, 25, 36])
        holder.tensor += x
        #expect(holder.tensor.scalars == [2, -4, 6, -8, 10, -12])
        #expect(snapshot(x) == [1, -2, 3, -4, 5, -6])
    }

    @Test func capturedTensorsGiveTheSameResultEveryTime() {
        let captured = x
        let f = { captured * 2 + 1 }
        let first = f()
        let second = f()
        #expect(first == second)
        #expect(captured == x)
        #expect(snapshot(captured) == [1, -2, 3, -4, 5, -6])
    }

    @Test func aFunctionArgumentStaysTheCallersValue() {
        func scaled(_ t: Tensor) -> Tensor { t * 10 - t }
        let result = scaled(x)
        #expect(result.scalars == [9, -18, 27, -36, 45, -54])
        #expect(snapshot(x) == [1, -2, 3, -4, 5, -6])
    }

    @Test func broadcastingTemporaries() {
        let row: Vector = [10, 20, 30]
        let y = (x + row) * (x - row) + row
        #expect(row.scalars == [10, 20, 30])
        #expect(snapshot(x) == [1, -2, 3, -4, 5, -6])
        // (x + r)(x - r) + r = x² − r² + r
        let expected = x * x - row * row + row
        #expect(y == expected)
    }
}
