-- The live screens without a name key (decision 0151): those stored before V38 until a node's start gives them theirs,
-- and the few whose name another live screen of their licence holds (they keep none). Every node's start looks for
-- them (ScreenNameKeysAtStart); without this index that read the whole screen table at each start, for good. Nearly
-- empty once the keys are given. H2 has no partial index; its databases are the demo's and the tests', small.
create index screen_unkeyed_idx on screen (id) where name_key is null and removed_at is null;
