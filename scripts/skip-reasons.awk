# Prints why each skipped GoogleTest test was skipped, from ctest's Testing/Temporary/LastTest.log.
# ctest --output-on-failure shows the output of failed tests only, so `make test` runs this after
# ctest: a skip (the Slurm test where no cluster runs) then says why, not only "Skipped".
# GoogleTest writes a skip as "FILE:LINE: Skipped", the message lines, then "[  SKIPPED ] TEST".
/^\[ RUN      \] / { test = $4 }
/: Skipped$/ { grab = 1; message = ""; next }
grab && /^\[  SKIPPED \] / {
  print "skipped " test ": " (message == "" ? "(no reason given)" : message)
  grab = 0
  next
}
grab { message = message (message == "" ? "" : " ") $0 }
