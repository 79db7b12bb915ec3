export async function seedHallDemo(..._a: unknown[]): Promise<void> {}
