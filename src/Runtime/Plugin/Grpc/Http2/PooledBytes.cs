using System.Buffers;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>
/// A message body as its DATA frames arrive, in an array from the shared pool that grows as needed.
/// A mutable struct: keep it in a field and call it there, never through a copy.
/// </summary>
internal struct PooledBytes
{
    private byte[]? _array;
    private int _length;

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Span => _array.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var needed = _length + data.Length;
        if (_array is null || needed > _array.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array is null ? 256 : _array.Length * 2));
            if (_array is not null)
            {
                _array.AsSpan(0, _length).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_array);
            }

            _array = grown;
        }

        data.CopyTo(_array.AsSpan(_length));
        _length = needed;
    }

    /// <summary>Gives the array back to the pool; the body is empty again.</summary>
    public void Release()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
            _length = 0;
        }
    }
}
