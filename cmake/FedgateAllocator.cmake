# The process allocator of fedgated: mimalloc (Debian 12: libmimalloc-dev).
# With glibc's malloc, 10,000 sessions opening and closing left 80-123 MiB
# that malloc_trim could not give back (objects that outlive a burst, spread
# through it, pin its pages); on mimalloc 8-10 MiB (bench/RESULTS.md, target
# 3), at the same CPU per ping. engine/tls/HeapTrim finds the allocator at
# run time, makes a freed page go back at once during bursts and calls
# mi_collect(true) after them.
#
# fedgate_use_process_allocator(target): links an executable against
# libmimalloc ahead of libc, so that every malloc in the process (Qt,
# OpenSSL, expat, ours) is mimalloc's. Not in sanitizer or fuzzing builds,
# where ASan replaces malloc itself (FEDGATE_USE_MIMALLOC is then OFF).
option(FEDGATE_MIMALLOC "Link fedgated with mimalloc (needs libmimalloc-dev)" ON)

# FEDGATE_PROCESS_ALLOCATOR: what fedgated's malloc is in this build, as
# engine/tls/HeapTrim names it (tests compare).
set(FEDGATE_USE_MIMALLOC OFF)
if(FEDGATE_SANITIZE)
  set(FEDGATE_PROCESS_ALLOCATOR AddressSanitizer)
else()
  set(FEDGATE_PROCESS_ALLOCATOR glibc)
endif()
if(FEDGATE_MIMALLOC AND NOT FEDGATE_SANITIZE AND NOT FEDGATE_FUZZ)
  find_package(mimalloc 2.0 CONFIG QUIET)
  if(NOT mimalloc_FOUND)
    message(FATAL_ERROR "mimalloc 2 not found (fedgated's allocator): install libmimalloc-dev "
                        "(scripts/install-deps.sh does), or configure with -DFEDGATE_MIMALLOC=OFF "
                        "to keep glibc's malloc (RSS stays high after bursts of sessions).")
  endif()
  set(FEDGATE_USE_MIMALLOC ON)
  set(FEDGATE_PROCESS_ALLOCATOR mimalloc)
  message(STATUS "fedgated allocator: mimalloc ${mimalloc_VERSION}")
endif()

function(fedgate_use_process_allocator target)
  if(FEDGATE_USE_MIMALLOC)
    # Linked even though nothing calls it by name (HeapTrim binds its API
    # weakly): --no-as-needed keeps it in DT_NEEDED.
    target_link_options(${target} PRIVATE LINKER:--no-as-needed)
    target_link_libraries(${target} PRIVATE mimalloc)
  endif()
endfunction()

# engine/tls/HeapTrim binds mimalloc's API weakly (header only, no link): the
# engine library stays usable by programs on glibc's malloc.
function(fedgate_allocator_api target)
  if(FEDGATE_USE_MIMALLOC)
    target_compile_definitions(${target} PRIVATE FEDGATE_HAVE_MIMALLOC)
    target_include_directories(${target} PRIVATE
                               $<TARGET_PROPERTY:mimalloc,INTERFACE_INCLUDE_DIRECTORIES>)
  endif()
endfunction()
