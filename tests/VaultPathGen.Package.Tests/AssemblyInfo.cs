// One pack feeds every test here, and the steps of the template walk-through build on each other:
// the tests run one class at a time in one collection.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
