namespace KvEngine.Tests;
