/**
 * Fixed-width records of doubles packed into large Float64Arrays and handed out by number, so a cache holding
 * millions of them gives the garbage collector a few thousand objects to mark instead of millions (marking time
 * grows with the number of live objects, and every major collection walks them all). Released records are reused;
 * slabs are kept once allocated, so the pool's memory is its high-water mark.
 */
export class BlockPool {
  private readonly slabs: Float64Array[] = [];
  private readonly free: number[] = [];
  private count = 0;

  constructor(
    /** Doubles per record. */
    readonly width: number,
    private readonly perSlab = 1024,
  ) {}

  /** A zero-filled record. */
  alloc(): number {
    const id = this.free.pop() ?? this.count++;
    if (Math.floor(id / this.perSlab) === this.slabs.length)
      this.slabs.push(new Float64Array(this.perSlab * this.width));
    const at = this.offset(id);
    this.data(id).fill(0, at, at + this.width);
    return id;
  }

  release(id: number): void {
    this.free.push(id);
  }

  /** The slab holding record `id`; its fields start at `offset(id)`. */
  data(id: number): Float64Array {
    return this.slabs[Math.floor(id / this.perSlab)];
  }

  offset(id: number): number {
    return (id % this.perSlab) * this.width;
  }

  /** Records allocated and not released. */
  get inUse(): number {
    return this.count - this.free.length;
  }
}
